/**
 * What feedback and chat need to know about an application: whose it is and which branch works
 * on it. src/app.ts wires it to the applications module, so those modules do not depend on it.
 */
export interface ApplicationSubjects {
  find(id: string): Promise<{ userId: string; branchId: string | null } | null>;
}
