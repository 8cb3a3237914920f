// The component that draws each tile of the registry (shared/panels.ts). A tile without one is a
// compile error here, so the wall cannot silently lack a panel the registry and the layouts know.
import type { Component } from 'vue';
import type { TileId } from '@shared/panels';
import AlertsPanel from './AlertsPanel.vue';
import CategoriesPanel from './CategoriesPanel.vue';
import ChannelsPanel from './ChannelsPanel.vue';
import FeedPanel from './FeedPanel.vue';
import IncidentsPanel from './IncidentsPanel.vue';
import KpiPanel from './KpiPanel.vue';
import MapPanel from './MapPanel.vue';
import MerchantsPanel from './MerchantsPanel.vue';
import RegionsPanel from './RegionsPanel.vue';
import VolumePanel from './VolumePanel.vue';

export const TILE_COMPONENTS: Record<TileId, Component> = {
  kpis: KpiPanel,
  volume: VolumePanel,
  map: MapPanel,
  feed: FeedPanel,
  regions: RegionsPanel,
  categories: CategoriesPanel,
  alerts: AlertsPanel,
  channels: ChannelsPanel,
  merchants: MerchantsPanel,
  incidents: IncidentsPanel,
};
