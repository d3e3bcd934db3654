// The page's script (bundled with esbuild from the installed @mfc/account-sdk): a web app on
// another origin that logs in, runs a query and a subscription with the SDK's client using the
// browser's own fetch and WebSocket, and reads a booking's signed ticket link.
import { MfcClient, LoginDocument, MeDocument, BranchLoadChangedDocument, BookingByIdDocument } from '@mfc/account-sdk';

window.runScenario = async ({ url, login, password, branchId, bookingId }) => {
  const anonymous = new MfcClient({ url });
  const { login: auth } = await anonymous.request(LoginDocument, { input: { login, password } });
  const client = anonymous.withToken(auth.accessToken);
  const { me } = await client.request(MeDocument);
  const events = client.subscribe(BranchLoadChangedDocument, { branchIds: [branchId] });
  const first = await events.next();
  await events.dispose();
  const { booking } = await client.request(BookingByIdDocument, { id: bookingId });
  // The link names PUBLIC_URL; the test server listens on a port of its own.
  const link = new URL(booking.ticketUrl);
  const ticketUrl = `${url}${link.pathname}${link.search}`;
  const pdf = await fetch(ticketUrl);
  const head = new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5));
  return { phone: me.phone, load: first.value?.data?.branchLoadChanged?.branchId, ticketUrl, fetchedStatus: pdf.status, fetchedHead: head };
};
document.title = 'ready';
