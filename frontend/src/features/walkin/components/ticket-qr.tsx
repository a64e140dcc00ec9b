import { Skeleton } from '@mantine/core';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** A QR code of `value` as a crisp SVG image, for screens and thermal printers alike. */
export function TicketQr({ value, size, alt }: { value: string; size: number; alt: string }) {
  const [svg, setSvg] = useState<{ value: string; src: string } | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toString(value, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 })
      .then((text) => {
        if (live) setSvg({ value, src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}` });
      })
      .catch(() => {
        // A link too long for a QR code: the ticket's number is still printed.
      });
    return () => {
      live = false;
    };
  }, [value]);
  if (svg?.value !== value) return <Skeleton w={size} h={size} />;
  return <img src={svg.src} width={size} height={size} alt={alt} />;
}
