import { Arg, Authorized, Ctx, Int, Mutation, Resolver } from 'type-graphql';
import { Cost, Weight } from '../../graphql/cost.js';
import type { GqlContext } from '../../graphql/context.js';
import { UploadScalar, type FileUpload } from '../../graphql/upload.scalar.js';
import type { Services } from '../../services/index.js';
import { Role } from '../shared/enums.js';
import { MediaObject } from './session.types.js';

@Resolver()
export class SessionMediaResolver {
  constructor(private readonly s: Services) {}

  @Authorized(Role.MERCHANT, Role.AGENT)
  @Weight(Cost.heavyMutation)
  @Mutation(() => MediaObject, {
    description:
      'Stores a picture or file to send in a session (a GraphQL multipart request, at most UPLOAD_MAX_MB); pass the answer as sendMessage\'s media, with msgType PICTURE or FILE',
  })
  async uploadSessionMedia(
    @Arg('sessionId', () => Int) sessionId: number,
    @Arg('file', () => UploadScalar) file: Promise<FileUpload>,
    @Ctx() { ctx }: GqlContext,
  ): Promise<MediaObject> {
    const { filename, createReadStream } = await file;
    return this.s.sessionMedia.upload(ctx, sessionId, { fileName: filename, data: createReadStream() });
  }
}
