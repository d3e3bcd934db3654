/** Messages to admins about integrations: a webhook endpoint switched off for failing. */
import { SIGNATURE, type Template } from './template.js';

type Disabled = { url: string; hours: string };

export const integrationTemplates = {
  'webhook.disabled': {
    category: 'SYSTEM',
    urgent: false,
    secret: false,
    title: (v: Disabled) => `Вебхук отключён: ${v.url}`,
    sms: () => 'МФЦ: вебхук интегратора отключён после ошибок доставки',
    email: {
      subject: (v: Disabled) => `Вебхук ${v.url} отключён`,
      text: (v: Disabled) =>
        `Доставки событий на ${v.url} не удавались ${v.hours} ч подряд, и точка приёма отключена. Проверьте её и включите снова (updateWebhookEndpoint, active: true); пропущенные события можно отправить повторно (replayWebhookEvents).${SIGNATURE}`,
    },
  },
} satisfies Record<string, Template<never>>;
