import * as migration_20261125_015649_initial from './20261125_015649_initial';
import * as migration_20261125_021607_jobs_and_overdue_events from './20261125_021607_jobs_and_overdue_events';

export const migrations = [
  {
    up: migration_20261125_015649_initial.up,
    down: migration_20261125_015649_initial.down,
    name: '20261125_015649_initial',
  },
  {
    up: migration_20261125_021607_jobs_and_overdue_events.up,
    down: migration_20261125_021607_jobs_and_overdue_events.down,
    name: '20261125_021607_jobs_and_overdue_events'
  },
];
