/**
 * Imported first by every benchmark entry: the process runs as production does (deploy/ and the
 * Dockerfile set NODE_ENV=production). graphql-js decides at load time between its production
 * `instanceOf` and a development one that inspects every miss (about a tenth of the CPU of a
 * branch list), so this must run before anything imports graphql.
 */
process.env.NODE_ENV = 'production';
export {};
