import { UnitComplaintBox } from '@/features/complaints/components/unit-complaint-box';
import { UnitRoute } from '@/features/units/routes/unit-route';
import { RemoteTicketCard } from '@/features/walkin/components/remote-ticket-card';

/** A unit's public page, with the remote queue ticket of its walk-in service and the complaint form. */
export function UnitPageRoute() {
  return (
    <UnitRoute
      extra={(unit) =>
        unit.offers_consultations && <RemoteTicketCard key={unit.code} unitCode={unit.code} timeZone={unit.time_zone} settings={unit.settings} />
      }
      complaints={(unit) => <UnitComplaintBox key={unit.code} unit={unit} />}
    />
  );
}
