package dev.oms.cli.command;

import dev.oms.cli.Service;
import dev.oms.cli.api.Refund;
import dev.oms.cli.catalog.DecimalPrice;
import dev.oms.cli.format.Cells;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

@Command(name = "refund", mixinStandardHelpOptions = true,
        description = {"Refund (part of) a paid order. Without --amount, everything that can still be refunded.",
                "Every request carries an Idempotency-Key: without --key one is made up and printed, so the same "
                        + "command with that --key can be run again safely (it never refunds twice)."})
public class RefundCommand extends ServiceCommand {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Parameters(paramLabel = "ORDER_ID", description = "the order id (UUID), or the shop's order id")
    private String order;

    @Option(names = "--amount", paramLabel = "AMOUNT", description = "how much, e.g. 12.50 (default: all that remains)")
    private String amount;

    @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "refund by support",
            description = "why (default: ${DEFAULT-VALUE})")
    private String reason;

    @Option(names = "--key", paramLabel = "KEY", description = "the Idempotency-Key of a request to send again")
    private String key;

    @Option(names = "--wait", description = "wait (up to 30 s) until the payment side settled or declined the refund; "
            + "exit 1 when it FAILED")
    private boolean waitForAnswer;

    @Override
    public Integer call() {
        String idempotencyKey = key == null || key.isBlank() ? "cli-" + UUID.randomUUID() : key.trim();
        Map<String, Object> body = new LinkedHashMap<>();
        if (amount != null) {
            body.put("amountMinor", amountMinor());
        }
        body.put("reason", reason);
        String orderId = OrdersShowCommand.orderId(order.trim());
        if (key == null) {
            out().println("Idempotency-Key: " + idempotencyKey + " (to retry safely: --key " + idempotencyKey + ")");
            out().flush();
        }
        Refund refund = client(Service.REFUND).postJson("/orders/" + orderId + "/refunds", body,
                Map.of("Idempotency-Key", idempotencyKey), Refund.class);
        print(refund);
        if (!waitForAnswer || !refund.pending()) {
            return 0;
        }
        Refund answered = RefundRunner.awaitAnswer(client(Service.REFUND), refund, WAIT);
        print(answered);
        return answered.status().equals("FAILED") ? 1 : 0;
    }

    private void print(Refund refund) {
        out().println("Refund " + refund.refundId() + " " + refund.status() + ": " + Cells.money(refund.amount())
                + " of order " + refund.orderId() + " (" + refund.reason() + ")"
                + (refund.failureReason() == null ? "" : ": " + refund.failureReason()));
        out().flush();
    }

    private long amountMinor() {
        try {
            return DecimalPrice.parseMinor(amount);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--amount': " + e.getMessage());
        }
    }
}
