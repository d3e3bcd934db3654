-- Typo tolerance for the catalog search and branch localities (pg_trgm ships with PostgreSQL, the embedded one included).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS search_words_trgm_idx ON search_words USING gin (word gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS services_title_trgm_idx ON services USING gin (lower(title) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS branches_locality_trgm_idx ON branches USING gin (lower(locality) gin_trgm_ops);--> statement-breakpoint
-- The synonym dictionary as shipped (src/modules/catalog/search-synonyms.ts; a test keeps the two equal).
INSERT INTO search_synonyms (phrase, expansion) VALUES
  ('загранпаспорт', 'заграничный паспорт'),
  ('загран', 'заграничный паспорт'),
  ('прописка', 'регистрация по месту жительства'),
  ('прописку', 'регистрация по месту жительства'),
  ('временная прописка', 'регистрация по месту пребывания'),
  ('выписаться', 'снятие с регистрационного учета'),
  ('выписка из квартиры', 'снятие с регистрационного учета'),
  ('права', 'водительское удостоверение'),
  ('водительские права', 'водительское удостоверение'),
  ('международные права', 'международное водительское удостоверение'),
  ('маткапитал', 'материнский капитал'),
  ('страховой номер индивидуального лицевого счета', 'снилс'),
  ('страховое свидетельство', 'снилс'),
  ('идентификационный номер налогоплательщика', 'инн'),
  ('обязательное медицинское страхование', 'полис омс'),
  ('медполис', 'полис омс'),
  ('несудимость', 'справка о судимости'),
  ('справка о несудимости', 'справка о судимости'),
  ('развод', 'расторжение брака'),
  ('свадьба', 'заключение брака'),
  ('детсад', 'детский сад'),
  ('садик', 'детский сад'),
  ('соцкарта', 'социальная карта'),
  ('коммуналка', 'субсидия коммунальных услуг'),
  ('росреестр', 'выписка егрн'),
  ('ооо', 'регистрация юридического лица'),
  ('ип', 'индивидуальный предприниматель'),
  ('открыть ип', 'регистрация индивидуального предпринимателя'),
  ('закрыть ип', 'прекращение деятельности ип')
ON CONFLICT (phrase) DO NOTHING;--> statement-breakpoint
-- The catalog's vocabulary (rebuilt by the catalog service after every edit).
INSERT INTO search_words (word)
SELECT DISTINCT w FROM (
  SELECT regexp_split_to_table(translate(lower(title || ' ' || description), 'ё', 'е'), '[^а-яa-z0-9]+') AS w FROM services WHERE archived_at IS NULL
  UNION ALL
  SELECT regexp_split_to_table(phrase, ' ') FROM search_synonyms
) t
WHERE length(w) >= 3
ON CONFLICT DO NOTHING;
