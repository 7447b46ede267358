import { holidayRegionList } from '../../../core/schemas/holidays';
import type { App } from '../../http/types';
import { listHolidayRegions } from './list-holiday-regions';

const tags = ['holidays'];

export function holidaysRoutes(app: App): void {
  app.get(
    '/api/holiday-regions',
    {
      schema: {
        tags,
        summary: 'The countries and regions whose public holidays can be days off',
        response: { 200: holidayRegionList },
      },
    },
    async () => listHolidayRegions(),
  );
}
