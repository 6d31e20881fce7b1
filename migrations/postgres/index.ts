import * as migration_20261125_015649_initial from './20261125_015649_initial';
import * as migration_20261125_021607_jobs_and_overdue_events from './20261125_021607_jobs_and_overdue_events';
import * as migration_20261201_112908_references_full_csl from './20261201_112908_references_full_csl';
import * as migration_20261201_121655_site_settings_history from './20261201_121655_site_settings_history';
import * as migration_20261201_140943_publisher_tables from './20261201_140943_publisher_tables';
import * as migration_20261201_143218_audit_trail_retention from './20261201_143218_audit_trail_retention';
import * as migration_20261201_155617_reader_questions_and_audience_disclaimers from './20261201_155617_reader_questions_and_audience_disclaimers';
import * as migration_20261201_174904_reference_policy from './20261201_174904_reference_policy';
import * as migration_20261201_180530_preview_links from './20261201_180530_preview_links';
import * as migration_20261201_182437_review_event_references from './20261201_182437_review_event_references';
import * as migration_20261201_183105_review_comments from './20261201_183105_review_comments';
import * as migration_20261202_012450_texts_parent_index from './20261202_012450_texts_parent_index';
import * as migration_20261202_015914_publisher_query_indexes from './20261202_015914_publisher_query_indexes';

export const migrations = [
  {
    up: migration_20261125_015649_initial.up,
    down: migration_20261125_015649_initial.down,
    name: '20261125_015649_initial',
  },
  {
    up: migration_20261125_021607_jobs_and_overdue_events.up,
    down: migration_20261125_021607_jobs_and_overdue_events.down,
    name: '20261125_021607_jobs_and_overdue_events',
  },
  {
    up: migration_20261201_112908_references_full_csl.up,
    down: migration_20261201_112908_references_full_csl.down,
    name: '20261201_112908_references_full_csl',
  },
  {
    up: migration_20261201_121655_site_settings_history.up,
    down: migration_20261201_121655_site_settings_history.down,
    name: '20261201_121655_site_settings_history',
  },
  {
    up: migration_20261201_140943_publisher_tables.up,
    down: migration_20261201_140943_publisher_tables.down,
    name: '20261201_140943_publisher_tables',
  },
  {
    up: migration_20261201_143218_audit_trail_retention.up,
    down: migration_20261201_143218_audit_trail_retention.down,
    name: '20261201_143218_audit_trail_retention',
  },
  {
    up: migration_20261201_155617_reader_questions_and_audience_disclaimers.up,
    down: migration_20261201_155617_reader_questions_and_audience_disclaimers.down,
    name: '20261201_155617_reader_questions_and_audience_disclaimers',
  },
  {
    up: migration_20261201_174904_reference_policy.up,
    down: migration_20261201_174904_reference_policy.down,
    name: '20261201_174904_reference_policy',
  },
  {
    up: migration_20261201_180530_preview_links.up,
    down: migration_20261201_180530_preview_links.down,
    name: '20261201_180530_preview_links',
  },
  {
    up: migration_20261201_182437_review_event_references.up,
    down: migration_20261201_182437_review_event_references.down,
    name: '20261201_182437_review_event_references',
  },
  {
    up: migration_20261201_183105_review_comments.up,
    down: migration_20261201_183105_review_comments.down,
    name: '20261201_183105_review_comments',
  },
  {
    up: migration_20261202_012450_texts_parent_index.up,
    down: migration_20261202_012450_texts_parent_index.down,
    name: '20261202_012450_texts_parent_index',
  },
  {
    up: migration_20261202_015914_publisher_query_indexes.up,
    down: migration_20261202_015914_publisher_query_indexes.down,
    name: '20261202_015914_publisher_query_indexes'
  },
];
