/** The shape of a deploy plan (plan.ts makes it, plan-text.ts prints it, apply.ts carries it out). */
import type { NoticeTemplate } from '../../config/subscribe';
import type { Role } from '../../types/roles';
import type { DeployFiles, FunctionAnalysis, OpenApiName } from './analyse';

export interface IndexPlan {
  /** `villageId_1_quarter_1`: field names with their direction, as MongoDB names indexes (dots become _). */
  name: string;
  fields: string[];
  unique: boolean;
}

export interface CollectionPlan {
  name: string;
  /** 仅管理端可读写: every read and write goes through a cloud function. */
  acl: 'ADMINONLY';
  indexes: IndexPlan[];
}

export interface TriggerPlan {
  name: string;
  type: 'timer';
  /** 7-field cron, seconds first. */
  config: string;
}

export interface FunctionPlan {
  name: string;
  /** The built code folder, from `npm run build:functions`. */
  codeDir: string;
  runtime: string;
  handler: string;
  timeout: number;
  memorySize: number;
  installDependency: boolean;
  /** Every variable the function's code reads, with its value (masked when printed). */
  env: Record<string, string>;
  /** Open APIs its code can call, with the files that call them: config.json must list exactly these. */
  openapi: { api: OpenApiName; files: string[] }[];
  triggers: TriggerPlan[];
  /** Notice kinds it can send, and whether a template is set for each. */
  notices: { kind: string; template: string | null }[];
}

/** One subscribe-message template of config/subscribe.ts, as this deploy sets it up. */
export interface TemplatePlan {
  kind: string;
  label: string;
  roles: Role[];
  /** The variable that gives its id (to the functions and to the mini-program build). */
  envVar: string;
  /** The id this deploy uses; null when none is set (only the in-app inbox then). */
  id: string | null;
  /** The field mapping the functions send with. */
  fields: string;
  /** The functions whose code sends it. */
  functions: string[];
}

export interface ManualStep {
  /** Where: 微信开发者工具, 云开发控制台, 小程序管理后台. */
  where: string;
  what: string;
  /** Why the command cannot do it. */
  why: string;
}

export interface DeployPlan {
  envId: string | null;
  collections: CollectionPlan[];
  functions: FunctionPlan[];
  /** Every template of config/subscribe.ts, with who receives it and which functions send it. */
  templates: TemplatePlan[];
  /**
   * Cloud storage: a custom rule. Phones read nothing directly (functions hand out temporary
   * URLs) and write only new uploads under incoming/<village>/<purpose>/, which functions take.
   */
  storage: { acl: 'CUSTOM'; rule: { read: boolean; write: string } };
  /** Static files to upload (hosting): none; the weapp is uploaded by WeChat DevTools, the H5 build is local only. */
  staticFiles: string[];
  /** The audit signing key's public half, for `npm run audit:verify -- --public-key`. */
  auditPublicKey: string | null;
  manual: ManualStep[];
  /** What stops a deploy: the command refuses while any is listed. */
  problems: string[];
}

export interface PlanInput {
  envId: string | null;
  functions: FunctionAnalysis[];
  files: DeployFiles;
  collections: Record<string, string>;
  indexes: Record<string, string[][]>;
  /** The deployer's environment (process.env). */
  env: Record<string, string | undefined>;
  /** The subscribe templates; config/subscribe.ts unless a test gives others. */
  templates?: readonly NoticeTemplate[];
}
