/**
 * The services catalog. `search` is a generated tsvector over title (weight A) and description
 * (weight B) in PostgreSQL's Russian configuration, with a GIN index: "паспорта" finds "паспорт".
 */
import { sql, type SQL } from 'drizzle-orm';
import { boolean, check, customType, index, integer, jsonb, numeric, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { trustLevelEnum } from './enums.js';
import { ts } from './columns.js';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const serviceKindEnum = pgEnum('service_kind', ['DOCUMENT_ISSUE', 'CERTIFICATE', 'REGISTRATION', 'APPLICATION', 'CONSULTATION', 'PAYMENT']);
export const documentKindEnum = pgEnum('document_kind', [
  'PASSPORT_RF',
  'FOREIGN_PASSPORT',
  'SNILS',
  'INN',
  'OMS_POLICY',
  'DRIVER_LICENSE',
  'BIRTH_CERTIFICATE',
  'MILITARY_ID',
  'VEHICLE_REGISTRATION',
  'GUARDIANSHIP_DECISION',
]);

export interface RequiredDocumentRow {
  kind: (typeof documentKindEnum.enumValues)[number] | null;
  title: string;
  description: string | null;
  optional: boolean;
}

export const serviceCategories = pgTable(
  'service_categories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('service_categories_slug_key').on(t.slug), check('service_categories_slug_format', sql`${t.slug} ~ '^[a-z0-9][a-z0-9-]*$'`)],
);

export const services = pgTable(
  'services',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => serviceCategories.id),
    kind: serviceKindEnum('kind').notNull(),
    requiredDocuments: jsonb('required_documents').$type<RequiredDocumentRow[]>().notNull().default([]),
    processingDays: integer('processing_days').notNull(),
    /** Roubles; null when the service is free. */
    feeAmount: numeric('fee_amount', { precision: 12, scale: 2 }),
    availableOnline: boolean('available_online').notNull().default(false),
    requiresAppointment: boolean('requires_appointment').notNull().default(true),
    minTrustLevel: trustLevelEnum('min_trust_level').notNull().default('SIMPLIFIED'),
    appointmentMinutes: integer('appointment_minutes').notNull().default(15),
    applicationForm: jsonb('application_form').$type<Record<string, unknown>>(),
    archivedAt: ts('archived_at'),
    search: tsvector('search').generatedAlwaysAs(
      (): SQL => sql`setweight(to_tsvector('russian', coalesce(${services.title}, '')), 'A') || setweight(to_tsvector('russian', coalesce(${services.description}, '')), 'B')`,
    ),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('services_code_key').on(t.code),
    index('services_category_idx').on(t.categoryId),
    index('services_search_idx').using('gin', t.search),
    index('services_title_prefix_idx').on(sql`lower(${t.title}) text_pattern_ops`),
    check('services_processing_days', sql`${t.processingDays} >= 0`),
    check('services_fee', sql`${t.feeAmount} IS NULL OR ${t.feeAmount} >= 0`),
    check('services_appointment_minutes', sql`${t.appointmentMinutes} > 0 AND ${t.appointmentMinutes} % 15 = 0`),
  ],
);

/**
 * The search's synonym dictionary: what people say ("загранпаспорт") and what the catalog calls it
 * ("заграничный паспорт"). Seeded from src/modules/catalog/search-synonyms.ts by a migration,
 * edited by admins without a deploy (cached by the catalog service for SEARCH_SYNONYM_CACHE_SECONDS).
 */
export const searchSynonyms = pgTable(
  'search_synonyms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Lower case, single spaces: matched against the normalized query. */
    phrase: text('phrase').notNull(),
    /** The catalog's words, added to the query's alternatives. */
    expansion: text('expansion').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('search_synonyms_phrase_key').on(t.phrase), check('search_synonyms_phrase_lower', sql`${t.phrase} = lower(${t.phrase})`)],
);

/**
 * The words of the catalog (active services' titles and descriptions, and the synonyms' phrases),
 * rebuilt with every catalog edit: the vocabulary pg_trgm suggests corrections from.
 */
export const searchWords = pgTable('search_words', {
  word: text('word').primaryKey(),
});
