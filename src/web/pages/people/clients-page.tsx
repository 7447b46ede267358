/** Clients: who owns the relationship and how many projects they have; managers and up add and edit them. */
import { Link } from 'react-router-dom';
import { api, type Client } from '../../api/client';
import { useClients } from '../../api/queries';
import { plural } from '../../lib/format';
import { NamedListPage, type NamedListConfig } from './named-list-page';

const projectsOf = (client: Client) => `/projects?client=${client.id}`;

const clients: NamedListConfig<Client, 'ownerId'> = {
  singular: 'Client',
  plural: 'Clients',
  emptyHint: 'A manager, leader or owner adds clients.',
  placeholder: 'e.g. Northwind Foods',
  personField: 'ownerId',
  personLabel: 'Relationship owner',
  noPersonLabel: 'No owner',
  countLabel: 'Projects',
  renderCount: (client) => <Link to={projectsOf(client)}>{plural(client.projectCount, 'project')}</Link>,
  linkTo: projectsOf,
  permission: 'clients.write',
  useList: useClients,
  resource: api.clients,
};

export function ClientsPage() {
  return <NamedListPage config={clients} />;
}
