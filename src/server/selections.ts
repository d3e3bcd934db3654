/** Walking an operation's selections through fragment spreads and inline fragments (each named fragment once). */
import { Kind, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

export type Fragments = ReadonlyMap<string, FragmentDefinitionNode>;

export function fragmentsOf(document: DocumentNode): Fragments {
  return new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
}

/** The fields selected at this level; `seen` keeps a fragment spread twice from being walked twice. */
export function* selectedFields(set: SelectionSetNode, fragments: Fragments, seen: Set<string>): Generator<FieldNode> {
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) yield sel;
    else if (sel.kind === Kind.INLINE_FRAGMENT) yield* selectedFields(sel.selectionSet, fragments, seen);
    else if (!seen.has(sel.name.value)) {
      seen.add(sel.name.value);
      const frag = fragments.get(sel.name.value);
      if (frag) yield* selectedFields(frag.selectionSet, fragments, seen);
    }
  }
}
