import { Box } from '@mantine/core';
import { useParams } from 'react-router';

import { ErrorAlert } from '@/components/errors/error-alert';
import { PageLoader } from '@/components/ui/page-loader';
import { useUnit } from '@/features/units/api/get-unit';
import { KioskView } from '@/features/walkin/components/kiosk-view';

/** The self-service ticket kiosk of a unit, full screen for a touch screen. */
export function WalkinKioskRoute() {
  const { code = '' } = useParams();
  const unit = useUnit(code);
  return (
    <Box component="main" mih="100vh" p={{ base: 'md', sm: 'xl' }} bg="gray.0">
      {unit.data ? (
        <KioskView unitCode={code} unitName={unit.data.name} timeZone={unit.data.time_zone} />
      ) : unit.error ? (
        <ErrorAlert error={unit.error} />
      ) : (
        <PageLoader />
      )}
    </Box>
  );
}
