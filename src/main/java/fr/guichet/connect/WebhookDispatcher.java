package fr.guichet.connect;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the webhook outbox holds, on one node at a time. A delivery is marked in its own
 * transaction once the service answered 2xx: a crash in between sends it again with the same event
 * id (at least once); any other answer, or none, only delays it. Signed when sent, with the secret of
 * that moment: a rotation applies to what is still waiting too.
 */
@Component
class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookDeliveryRepository deliveries;
    private final ConnectedServiceRepository connected;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration retryBase;
    private final Duration retryMax;
    private final Duration timeout;
    private final HttpClient http;

    WebhookDispatcher(
            WebhookDeliveryRepository deliveries,
            ConnectedServiceRepository connected,
            TransactionTemplate transactions,
            Clock clock,
            @Value("${guichet.connect.webhooks.retry-base:10s}") Duration retryBase,
            @Value("${guichet.connect.webhooks.retry-max:1h}") Duration retryMax,
            @Value("${guichet.connect.webhooks.timeout:10s}") Duration timeout) {
        this.deliveries = deliveries;
        this.connected = connected;
        this.transactions = transactions;
        this.clock = clock;
        this.retryBase = retryBase;
        this.retryMax = retryMax;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Scheduled(
            fixedDelayString = "${guichet.connect.webhooks.dispatch-interval:2s}",
            initialDelayString = "${guichet.connect.webhooks.dispatch-interval:2s}")
    @SchedulerLock(name = "webhook-dispatcher", lockAtMostFor = "PT5M")
    void dispatchDue() {
        for (var id : deliveries.findDue(clock.instant(), PageRequest.of(0, 50))) {
            var delivery = deliveries.findById(id).orElse(null);
            if (delivery == null || delivery.status() != WebhookDelivery.Status.PENDING) {
                continue;
            }
            var service = connected.findById(delivery.connectedServiceId()).orElse(null);
            if (service == null || !service.enabled() || service.webhookUrl() == null) {
                transactions.executeWithoutResult(tx ->
                        deliveries.findById(id).ifPresent(d -> d.abandoned("the service is no longer connected")));
                continue;
            }
            try {
                var body = delivery.payload();
                var request = HttpRequest.newBuilder(URI.create(service.webhookUrl()))
                        .timeout(timeout)
                        .header("Content-Type", "application/json")
                        .header("Guichet-Event-Id", delivery.eventId())
                        .header(
                                WebhookSignature.HEADER,
                                WebhookSignature.header(
                                        service.webhookSecret(), clock.instant().getEpochSecond(), body))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
                var status = http.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (status < 200 || status >= 300) {
                    throw new IllegalStateException("HTTP " + status);
                }
                transactions.executeWithoutResult(
                        tx -> deliveries.findById(id).ifPresent(d -> d.delivered(clock.instant())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                log.info("Webhook {} to {} to be retried: {}", delivery.eventId(), service.clientId(), e.toString());
                transactions.executeWithoutResult(tx -> deliveries
                        .findById(id)
                        .ifPresent(d -> d.failed(e.toString(), clock.instant(), retryBase, retryMax)));
            }
        }
    }
}
