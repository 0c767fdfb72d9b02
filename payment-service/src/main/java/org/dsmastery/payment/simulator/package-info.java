/**
 * NOT part of payment-service's domain: a stand-in for an external payment service
 * provider (PSP), served by the same process under {@code /simulator/payments} so the
 * platform needs no third-party account. payment-service calls it only over real HTTP,
 * exactly as it would call a real PSP, and nothing outside this package calls into it. It
 * keeps authorizations by idempotency key and injects latency, failures (503) and
 * declines (402) configured at runtime through {@code PUT /api/admin/payment-provider}.
 */
package org.dsmastery.payment.simulator;
