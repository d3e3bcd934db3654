/** The forgiving search's own API: suggestions for everyone, the synonym dictionary for admins. */
import 'reflect-metadata';
import { Arg, Authorized, Ctx, Field, ID, ObjectType, Mutation, Query, Resolver } from 'type-graphql';
import { requireViewer, type GraphQLContext } from '../../shared/graphql/context.js';
import { DateTimeScalar } from '../../shared/graphql/scalars.js';
import type { CatalogSearch } from './search.service.js';

@ObjectType({ description: 'Beyond the contract: one entry of the search\'s synonym dictionary (what people say -> the catalog\'s words).' })
export class SearchSynonym {
  @Field(() => ID, { description: 'The synonym\'s id.' })
  id!: string;

  @Field({ description: 'What citizens type, normalized (lower case, ё as е).' })
  phrase!: string;

  @Field({ description: 'The catalog\'s words the phrase is read as.' })
  expansion!: string;

  @Field(() => DateTimeScalar, { description: 'When it was last changed.' })
  updatedAt!: Date;
}

@Resolver()
export class SearchResolver {
  constructor(private readonly search: CatalogSearch) {}

  @Query(() => [String], { description: 'Spelling suggestions for a catalog search that found little (typos, colloquial names): "Возможно, вы имели в виду …".' })
  searchSuggestions(@Arg('text', { description: 'What the user has typed so far.' }) text: string): Promise<string[]> {
    return this.search.suggestions(text);
  }

  @Authorized('ADMIN')
  @Query(() => [SearchSynonym], { description: 'Beyond the contract, admins: the synonym dictionary.' })
  searchSynonyms(@Ctx() ctx: GraphQLContext): Promise<SearchSynonym[]> {
    return this.search.listSynonyms(requireViewer(ctx));
  }

  @Authorized('ADMIN')
  @Mutation(() => SearchSynonym, { description: 'Beyond the contract, admins: adds a phrase to the synonym dictionary or changes its expansion (no deploy needed).' })
  setSearchSynonym(@Arg('phrase', { description: 'What citizens type (e.g. "загран").' }) phrase: string, @Arg('expansion', { description: 'The words the phrase also searches for.' }) expansion: string, @Ctx() ctx: GraphQLContext): Promise<SearchSynonym> {
    return this.search.setSynonym(requireViewer(ctx), { phrase, expansion });
  }

  @Authorized('ADMIN')
  @Mutation(() => Boolean, { description: 'Beyond the contract, admins: removes a phrase from the synonym dictionary.' })
  deleteSearchSynonym(@Arg('phrase', { description: 'The phrase whose synonym to delete.' }) phrase: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return this.search.deleteSynonym(requireViewer(ctx), phrase);
  }
}
