// The portal's document: the shared shell's words, stylesheet, skip link and header, without htmx — every
// portal page is a plain link or form, so citizens on slow phones download no JavaScript at all.
import { PageDocument, type LayoutProps } from '../web/layout';

export function PortalLayout(props: LayoutProps) {
  return <PageDocument {...props} withHtmx={false} brandHref="/" />;
}
