import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/**
 * The payment link as a QR code (what Alipay and WeChat Pay expect to be scanned). Drawn as SVG by
 * `qrcode` and shown as an image, so the page needs no canvas and no inline markup.
 */
export function PaymentQr({ url, alt }: { url: string; alt: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }).then((svg) => {
      if (live) setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    });
    return () => {
      live = false;
    };
  }, [url]);
  return src ? <img className="payment-qr" src={src} alt={alt} width={220} height={220} /> : null;
}
