// The tables as Kysely sees them. Text ids (UUIDv7) and UTC ISO-8601 text timestamps
// keep the same query code and the same sort order on SQLite and PostgreSQL.
import type { Generated } from 'kysely';

export interface WorkspaceTable {
  id: string;
  slug: string;
  name: string;
  created_at: string;
  /** Bumped by every write that changes a tie (interactions, knows, introductions). */
  ties_version: Generated<number>;
}

export interface OrganizationTable {
  id: string;
  workspace_id: string;
  name: string;
  name_key: string;
  domain: string | null;
  created_at: string;
  updated_at: string;
}

export interface PersonTable {
  id: string;
  workspace_id: string;
  display_name: string;
  name_key: string;
  given_name: string | null;
  family_name: string | null;
  organization_id: string | null;
  title: string | null;
  unit: string | null;
  location: string | null;
  how_we_met: string | null;
  met_on: string | null;
  linkedin_url: string | null;
  notes: string | null;
  cadence_kind: string;
  cadence_days: number | null;
  cadence_on: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
  snoozed_until: string | null;
  last_contact_at: string | null;
  touch_due_on: string | null;
  touch_every_days: number | null;
  /** 1: chats with this person owe no thank-you. Written only when set (see people.ts). */
  no_thank_you: Generated<number>;
  /** JSON: the dates that matter about them (domain/person-dates.ts); null: none. */
  dates: Generated<string | null>;
}

export interface PersonContactTable {
  workspace_id: string;
  person_id: string;
  kind: 'email' | 'phone' | 'link' | 'handle';
  position: number;
  value: string;
}

export interface TagTable {
  id: string;
  workspace_id: string;
  name: string;
}

/** A key another address book knows a person by (a vCard UID). */
export interface PersonKeyTable {
  workspace_id: string;
  kind: 'vcard-uid';
  value: string;
  person_id: string;
}

/** The days of a person's dates, for Today to find the coming ones (derived from person.dates). */
export interface PersonDateTable {
  workspace_id: string;
  person_id: string;
  position: number;
  year: number | null;
  month_day: number;
  yearly: number;
}

export interface PersonTagTable {
  workspace_id: string;
  person_id: string;
  tag_id: string;
}

export interface PersonRoleTable {
  workspace_id: string;
  person_id: string;
  role: string;
}

export interface InteractionTable {
  id: string;
  workspace_id: string;
  occurred_at: string;
  kind: string;
  summary: string;
  notes: string | null;
  /** 'owed', 'thanked', 'not-needed' or null (see domain/method/thank-you.ts). */
  thank_you: Generated<string | null>;
  created_at: string;
  updated_at: string;
}

export interface InteractionParticipantTable {
  workspace_id: string;
  interaction_id: string;
  person_id: string;
}

export interface InsightTable {
  id: string;
  workspace_id: string;
  interaction_id: string;
  position: number;
  text: string;
}

export interface CampaignTable {
  id: string;
  workspace_id: string;
  name: string;
  name_key: string;
  aim: string | null;
  target_chats: number;
  batch_size: number;
  ends_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface CampaignTagTable {
  workspace_id: string;
  campaign_id: string;
  tag_id: string;
}

export interface AskTable {
  id: string;
  workspace_id: string;
  person_id: string;
  campaign_id: string | null;
  /** 'outgoing' (the user asked) or 'incoming' (they asked the user). */
  direction: string;
  question: string;
  purpose: string;
  minutes: number;
  channel: string | null;
  state: string;
  sent_at: string | null;
  nudged_at: string | null;
  replied_at: string | null;
  scheduled_for: string | null;
  met_at: string | null;
  interaction_id: string | null;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface AskEventTable {
  workspace_id: string;
  ask_id: string;
  position: number;
  at: string;
  action: string;
  from_state: string;
  to_state: string;
  note: string | null;
}

export interface TaskTable {
  id: string;
  workspace_id: string;
  title: string;
  due_on: string;
  person_id: string | null;
  ask_id: string | null;
  interaction_id: string | null;
  done_at: string | null;
  created_at: string;
}

export interface SettingTable {
  workspace_id: string;
  value: string;
  updated_at: string;
}

export interface IntroductionTable {
  id: string;
  workspace_id: string;
  kind: 'received' | 'made';
  person_a: string;
  person_b: string;
  reason: string;
  state: string;
  accepted_by_a: number;
  accepted_by_b: number;
  outcome: string | null;
  ask_id: string | null;
  campaign_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface IntroductionEventTable {
  workspace_id: string;
  introduction_id: string;
  position: number;
  at: string;
  action: string;
  from_state: string;
  to_state: string;
  note: string | null;
}

export interface KnowsTable {
  id: string;
  workspace_id: string;
  person_a: string;
  person_b: string;
  context: string | null;
  strength: number;
  source: 'manual' | 'introduction';
  introduction_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface ImportRunTable {
  id: string;
  workspace_id: string;
  file: string;
  format: string;
  /** JSON: { new, updated, unchanged, review }. */
  counts: string;
  created_at: string;
  undone_at: string | null;
  /** SHA-256 of the file's bytes and the options it was read with. */
  file_hash?: string | null;
  /** The workspace's people (how many, how many live, last change) right after the run. */
  people_mark?: string | null;
}

export interface ImportChangeTable {
  run_id: string;
  person_id: string;
  action: 'created' | 'updated';
  before: string | null;
  after_updated_at: string;
  /** JSON: the fields whose text was repaired, with what the file said. */
  repaired?: string | null;
}

export interface ImportItemTable {
  workspace_id: string;
  key: string;
  target_kind: 'interaction' | 'ask';
  target_id: string;
  fingerprint: string;
  written_at: string;
}

export interface ImportActivityChangeTable {
  run_id: string;
  key: string;
  target_kind: 'interaction' | 'ask';
  target_id: string;
  action: 'created' | 'updated';
  before: string | null;
  after_updated_at: string;
}

export interface PersonMergeTable {
  id: string;
  workspace_id: string;
  kept_id: string;
  merged_id: string;
  kept_before: string;
  merged_before: string;
  created_at: string;
}

export interface MergeDismissalTable {
  workspace_id: string;
  person_a: string;
  person_b: string;
  created_at: string;
}

export interface PersonPhotoTable {
  person_id: string;
  workspace_id: string;
  mime: string;
  data: string;
  updated_at: string;
  /** The import that brought it (undoing that import removes it). */
  run_id?: string | null;
}

export interface CalendarFeedTable {
  workspace_id: string;
  token: string;
  created_at: string;
}

export interface ImportSourceTable {
  workspace_id: string;
  person_id: string;
  format: string;
  fields: string;
  updated_at: string;
}

export interface AccountTable {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  role: 'owner' | 'member';
  workspace_id: string;
  created_at: string;
}

export interface AccountSessionTable {
  /** SHA-256 of the cookie's token. */
  id: string;
  account_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  user_agent: string | null;
}

export interface ApiTokenTable {
  id: string;
  account_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  read_only: number;
  created_at: string;
  last_used_at: string | null;
}

export interface InvitationTable {
  id: string;
  token_hash: string;
  created_by: string;
  email: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  used_by: string | null;
}

export interface PasskeyTable {
  id: string;
  account_id: string;
  name: string;
  public_key: string;
  counter: number | string;
  transports: string;
  created_at: string;
  last_used_at: string | null;
}

export interface AuthChallengeTable {
  id: string;
  purpose: string;
  account_id: string | null;
  challenge: string;
  expires_at: string;
}

export interface SignInFailureTable {
  key: string;
  at: string;
}

export interface TeamTable {
  id: string;
  name: string;
  created_by: string;
  created_at: string;
}

export interface TeamMemberTable {
  team_id: string;
  account_id: string;
  role: 'owner' | 'member';
  sharing: number;
  joined_at: string;
}

export interface Database {
  team: TeamTable;
  team_member: TeamMemberTable;
  account: AccountTable;
  account_session: AccountSessionTable;
  api_token: ApiTokenTable;
  invitation: InvitationTable;
  passkey: PasskeyTable;
  auth_challenge: AuthChallengeTable;
  sign_in_failure: SignInFailureTable;
  import_run: ImportRunTable;
  import_change: ImportChangeTable;
  import_source: ImportSourceTable;
  import_item: ImportItemTable;
  import_activity_change: ImportActivityChangeTable;
  person_merge: PersonMergeTable;
  merge_dismissal: MergeDismissalTable;
  calendar_feed: CalendarFeedTable;
  person_photo: PersonPhotoTable;
  introduction: IntroductionTable;
  introduction_event: IntroductionEventTable;
  knows: KnowsTable;
  setting: SettingTable;
  task: TaskTable;
  campaign: CampaignTable;
  campaign_tag: CampaignTagTable;
  ask: AskTable;
  ask_event: AskEventTable;
  workspace: WorkspaceTable;
  organization: OrganizationTable;
  person: PersonTable;
  person_contact: PersonContactTable;
  tag: TagTable;
  person_tag: PersonTagTable;
  person_role: PersonRoleTable;
  person_key: PersonKeyTable;
  person_date: PersonDateTable;
  interaction: InteractionTable;
  interaction_participant: InteractionParticipantTable;
  insight: InsightTable;
}

/** SQLite's full-text tables that take rows in bulk (written by dialect/sqlite-search.ts only). */
export interface SqliteSearchTables {
  interaction_fts: {
    rowid: number;
    entity_id: string;
    workspace_id: string;
    summary: string;
    notes: string;
    insights: string;
  };
  interaction_fts_key: { fts_rowid: number; entity_id: string };
  person_fts: {
    rowid: number;
    entity_id: string;
    workspace_id: string;
    name: string;
    work: string;
    tags: string;
    notes: string;
  };
  person_name_fts: { rowid: number; entity_id: string; workspace_id: string; name: string };
  person_fts_key: { fts_rowid: number; entity_id: string };
}
