/** The development sandbox's confirmation page: clearly marked, with "Оплатить" and "Отказаться". */
import { formatKopecks } from './payments.rules.js';
import type { ProviderPayment } from './provider/provider.js';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function sandboxPage(p: ProviderPayment): string {
  const id = escape(p.id);
  const state = p.status === 'pending'
    ? `<form method="post" action="/payments/sandbox/${id}/pay"><button>Оплатить</button></form>
       <form method="post" action="/payments/sandbox/${id}/decline"><button>Отказаться</button></form>`
    : `<p>Статус: <b>${escape(p.status)}</b>. Вернитесь в личный кабинет.</p>`;
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>ПЕСОЧНИЦА: оплата</title>
<style>body{font-family:sans-serif;max-width:32rem;margin:2rem auto}.banner{background:#c00;color:#fff;padding:1rem;font-weight:bold}form{display:inline-block;margin:1rem .5rem 0 0}button{font-size:1.2rem;padding:.5rem 1.5rem}</style></head>
<body><div class="banner">ПЕСОЧНИЦА РАЗРАБОТКИ: деньги не списываются. Платёжный сервис не настроен (PAYMENT_SHOP_ID).</div>
<h1>Оплата ${formatKopecks(p.amountKopecks)} ₽</h1><p>Платёж ${id}</p>${state}</body></html>`;
}
