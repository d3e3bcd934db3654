/**
 * What feedback and chat need to know about an application: whose it is and which branch works
 * on it. Injected from src/app.ts so those modules do not depend on the applications module;
 * until applications are wired in, the lookup answers null (an applicationId is NOT_FOUND).
 */
export interface ApplicationSubjects {
  find(id: string): Promise<{ userId: string; branchId: string | null } | null>;
}

export const noApplications: ApplicationSubjects = {
  find: () => Promise.resolve(null),
};
