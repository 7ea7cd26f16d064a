import { GraphQLError, GraphQLScalarType } from 'graphql';
import Upload from 'graphql-upload/Upload.mjs';
import type { FileUpload } from 'graphql-upload/processRequest.mjs';

export type { FileUpload };

/**
 * A file of a GraphQL multipart request (graphqlUploadExpress on /graphql). Declared here rather than
 * imported from graphql-upload so the scalar comes from the same graphql-js copy as the schema.
 */
export const UploadScalar = new GraphQLScalarType({
  name: 'Upload',
  description: 'A file sent as a part of a GraphQL multipart request (https://github.com/jaydenseric/graphql-multipart-request-spec)',
  parseValue(value) {
    if (value instanceof Upload) return value.promise;
    throw new GraphQLError('Upload value invalid: send the file as a multipart request part');
  },
  parseLiteral() {
    throw new GraphQLError('Upload literal unsupported: send the file as a multipart request part');
  },
  serialize() {
    throw new GraphQLError('Upload serialization unsupported');
  },
});
