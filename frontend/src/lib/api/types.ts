import type { components } from './schema';

type Schemas = components['schemas'];

export type Problem = Schemas['Problem'];
export type TokenPair = Schemas['TokenPair'];
export type Me = Schemas['MeView'];
export type Role = Schemas['Role'];
export type Unit = Schemas['UnitView'];
export type UnitKind = Schemas['UnitKind'];
export type UnitDetail = Schemas['UnitDetail'];
export type UnitSettings = Schemas['UnitSettings'];
export type ServiceStandard = Schemas['ServiceStandard'];
export type PublishedServiceStandard = Schemas['PublishedServiceStandard'];
export type ComplaintChannel = Schemas['ComplaintChannel'];
export type ComplaintChannelKind = Schemas['ComplaintChannelKind'];
export type ByMode = Schemas['ByMode'];
export type Staff = Schemas['StaffView'];
export type Holiday = Schemas['Holiday'];
export type HolidayKind = Schemas['HolidayKind'];
export type HolidayYear = Schemas['HolidayYear'];
