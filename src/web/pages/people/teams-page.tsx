/** Teams: who leads them and how many people they have; owners and leaders add, rename and remove them. */
import { api, type Team } from '../../api/client';
import { useTeams } from '../../api/queries';
import { plural } from '../../lib/format';
import { NamedListPage, type NamedListConfig } from './named-list-page';

const teams: NamedListConfig<Team, 'leadId'> = {
  singular: 'Team',
  plural: 'Teams',
  emptyHint: 'An owner or leader sets up teams.',
  placeholder: 'e.g. Design',
  personField: 'leadId',
  personLabel: 'Lead',
  noPersonLabel: 'No lead',
  countLabel: 'Members',
  renderCount: (team) => plural(team.memberCount, 'person', 'people'),
  linkTo: (team) => `/people?team=${team.id}`,
  permission: 'teams.write',
  useList: useTeams,
  resource: api.teams,
};

export function TeamsPage() {
  return <NamedListPage config={teams} />;
}
