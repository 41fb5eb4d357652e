/**
 * The specialist's answer under the routing reply: excerpts of the knowledge base when no model is set, otherwise the
 * specialist's model answer grounded in those sections, streamed, with the seed's fallbacks (overview specialist, then
 * manual guidance), a circuit breaker, rate-limit backoff and a daily token budget; and whether answers helped.
 */
package dev.dispatcher.answer;
