import { AllowedOrigins, ProjectName } from '@closeloop/sdk/schemas';
import { z } from 'zod';
import type { Db } from '../db/db.js';
import { withTransaction } from '../db/with-transaction.js';
import { generateSecretKey } from '../repos/project-keys.js';
import { createProject } from '../repos/projects.js';
import type { Project } from '../repos/projects.js';
import { generateIdentitySecret, generatePublicKey } from './generate-keys.js';

/** What a new project needs from whoever creates it; keys and secrets are generated. */
export const NewProjectInput = z.object({ name: ProjectName, allowedOrigins: AllowedOrigins });
export type NewProjectInput = z.infer<typeof NewProjectInput>;

export interface ProvisionedProject {
  project: Project;
  /** The first secret key (`Default key`), in clear this once: only its hash is stored. */
  secretKey: string;
}

/**
 * A new project with a generated public key, first secret key and identity secret (`closeloop init`, `closeloop
 * projects create`). The input is parsed here, so a caller cannot store a name or origin the API would refuse.
 */
export async function provisionProject(db: Db, input: NewProjectInput, now: Date): Promise<ProvisionedProject> {
  const { name, allowedOrigins } = NewProjectInput.parse(input);
  const secretKey = generateSecretKey();
  // The project and its first key commit together: never a project nobody can call the management API of.
  const project = await withTransaction(db.kysely, (trx) => createProject(trx, { name, publicKey: generatePublicKey(), secretKey, identitySecret: generateIdentitySecret(), allowedOrigins }, now));
  return { project, secretKey };
}
