package dev.oms.order.service;

import dev.oms.events.AuthorizePayment;
import dev.oms.events.CustomerRef;
import dev.oms.events.FailureReason;
import dev.oms.events.Ids;
import dev.oms.events.Money;
import dev.oms.events.OmsEvent;
import dev.oms.events.OrderAccepted;
import dev.oms.events.OrderCompleted;
import dev.oms.events.OrderFailed;
import dev.oms.events.OrderLine;
import dev.oms.events.OrderRejected;
import dev.oms.events.OrderRequested;
import dev.oms.events.PaymentAuthorized;
import dev.oms.events.PaymentDeclined;
import dev.oms.events.RefundStatus;
import dev.oms.events.RejectionReason;
import dev.oms.events.StockLine;
import dev.oms.events.StockReserved;
import dev.oms.events.VoidPayment;
import dev.oms.order.config.OrderConfig;
import dev.oms.order.domain.Order;
import dev.oms.order.domain.OrderLineItem;
import dev.oms.order.domain.OrderPricing;
import dev.oms.order.domain.OrderStatus;
import dev.oms.order.domain.OrderTrigger;
import dev.oms.order.domain.PricedOrder;
import dev.oms.order.domain.StockDemand;
import dev.oms.platform.messaging.PoisonEventException;
import dev.oms.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Orchestrates each order: reserve stock, ask for payment, finalize or compensate. Every step runs in the
 * transaction of the consumed event, together with the events it causes (outbox).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OrderSaga {

    private static final Logger LOG = Logger.getLogger(OrderSaga.class);

    private final ProductCatalog catalog;
    private final StockLedger stock;
    private final OrderTransitions transitions;
    private final Outbox outbox;
    private final OrderConfig config;
    private final OrderMetrics metrics;

    public OrderSaga(ProductCatalog catalog, StockLedger stock, OrderTransitions transitions, Outbox outbox,
                     OrderConfig config, OrderMetrics metrics) {
        this.metrics = metrics;
        this.catalog = catalog;
        this.stock = stock;
        this.transitions = transitions;
        this.outbox = outbox;
        this.config = config;
    }

    /** Stores a new order and runs it to PAYMENT_PENDING or REJECTED; an order id seen before changes nothing. */
    public void onOrderRequested(OrderRequested request) {
        if (Order.findById(request.orderId()) != null) {
            LOG.debugf("Order %s already exists; request ignored", request.orderId());
            return;
        }
        if (request.customer() == null || request.customer().email() == null || request.customer().email().isBlank()) {
            throw new PoisonEventException("order request " + request.orderId() + " has no customer email");
        }
        long started = System.nanoTime();
        Instant now = Instant.now();
        PricedOrder priced = OrderPricing.price(request.lines(), catalog, config.currency());
        CustomerRef customer = customerOf(request.customer());
        Order order = newOrder(request, customer, priced, now);
        List<OmsEvent> events = new ArrayList<>();
        events.add(new OrderAccepted(order.id, order.externalOrderId, order.lane, customer, priced.lines(),
                priced.total(), order.orderedAt));
        transitions.record(order.id, null, OrderStatus.RECEIVED, null, now);

        RejectionReason rejection = priced.rejection();
        String detail = priced.rejectionDetail();
        List<StockLine> demand = List.of();
        if (rejection == null) {
            demand = StockDemand.of(priced.lines());
            Optional<String> shortSku = stock.reserve(demand);
            if (shortSku.isPresent()) {
                rejection = RejectionReason.OUT_OF_STOCK;
                detail = "not enough stock of " + shortSku.get();
            }
        }
        if (rejection != null) {
            order.status = OrderStatus.REJECTED;
            order.reason = rejection.name();
            order.reasonDetail = OrderTransitions.truncate(detail, 1000);
            transitions.record(order.id, OrderStatus.RECEIVED, OrderStatus.REJECTED, rejection.name(), now);
            events.add(new OrderRejected(order.id, customer.customerId(), rejection, detail, priced.total()));
        } else {
            order.status = OrderStatus.PAYMENT_PENDING;
            order.paymentId = Ids.nameBased("payment:" + order.id);
            order.paymentDueAt = now.plus(config.paymentTimeout());
            transitions.record(order.id, OrderStatus.RECEIVED, OrderStatus.STOCK_RESERVED, null, now);
            transitions.record(order.id, OrderStatus.STOCK_RESERVED, OrderStatus.PAYMENT_PENDING, null, now);
            events.add(new StockReserved(order.id, demand));
            events.add(new AuthorizePayment(order.paymentId, order.id, customer.customerId(), priced.total(), order.lane));
        }
        order.persist();
        outbox.addAll(events, order.lane);
        metrics.step("reserve", rejection == null ? "reserved" : "rejected", Duration.ofNanos(System.nanoTime() - started));
    }

    /** PAYMENT_PENDING → PAID and the reserved goods are sold; a payment for an order that gave up is voided. */
    public void onPaymentAuthorized(PaymentAuthorized payment) {
        Order order = requireOrder(payment.orderId());
        Instant now = Instant.now();
        if (transitions.markPaid(order.id, payment.paymentId(), now)) {
            metrics.step("payment", "authorized", Duration.between(order.updatedAt, now));
            stock.commit(demandOf(order));
            outbox.add(new OrderCompleted(order.id, customerOf(order), totalOf(order), payment.paymentId(), now), order.lane);
            return;
        }
        OrderStatus current = transitions.lockedStatus(order.id);
        if (current == OrderStatus.FAILED || current == OrderStatus.CANCELLED) {
            outbox.add(new VoidPayment(payment.paymentId(), order.id, "order is " + current), order.lane);
        } else {
            LOG.debugf("Payment %s for order %s in %s: already applied", payment.paymentId(), order.id, current);
        }
    }

    /** PAYMENT_PENDING → FAILED and the reserved stock is released in the same transaction. */
    public void onPaymentDeclined(PaymentDeclined declined) {
        fail(requireOrder(declined.orderId()), OrderTrigger.PAYMENT_DECLINED, FailureReason.PAYMENT_DECLINED, declined.reason());
    }

    /** Called by the sweeper for an order past its payment deadline; a no-op if the payment came first. */
    public void onPaymentTimedOut(UUID orderId) {
        fail(requireOrder(orderId), OrderTrigger.PAYMENT_TIMED_OUT, FailureReason.PAYMENT_TIMEOUT, "no payment answer in time");
    }

    private void fail(Order order, OrderTrigger trigger, FailureReason reason, String detail) {
        Instant now = Instant.now();
        if (transitions.apply(order.id, OrderStatus.PAYMENT_PENDING, trigger, reason.name(), detail, now)) {
            // The order entered PAYMENT_PENDING at its last update, so this is the time the payment step took.
            metrics.step("payment", reason.name().toLowerCase(Locale.ROOT), Duration.between(order.updatedAt, now));
            stock.release(demandOf(order));
            outbox.add(new OrderFailed(order.id, order.customerId, reason, detail, totalOf(order)), order.lane);
            if (trigger == OrderTrigger.PAYMENT_TIMED_OUT) {
                // The sale may still be under way: payment-service voids it whenever the approval comes.
                outbox.add(new VoidPayment(order.paymentId, order.id, "payment timed out"), order.lane);
            }
        }
    }

    private Order newOrder(OrderRequested request, CustomerRef customer, PricedOrder priced, Instant now) {
        Order order = new Order();
        order.id = request.orderId();
        order.externalOrderId = request.externalOrderId();
        order.customerId = customer.customerId();
        order.customerEmail = customer.email();
        order.customerName = customer.name() == null ? "" : customer.name();
        order.lane = request.lane();
        order.refundStatus = RefundStatus.NONE;
        order.totalMinor = priced.total().amountMinor();
        order.currency = priced.total().currency();
        order.orderedAt = request.orderedAt();
        order.createdAt = now;
        order.updatedAt = now;
        for (OrderLine line : priced.lines()) {
            OrderLineItem item = new OrderLineItem();
            item.sku = line.sku();
            item.productName = line.productName();
            item.quantity = line.quantity();
            item.unitPriceMinor = line.unitPrice() == null ? null : line.unitPrice().amountMinor();
            order.lines.add(item);
        }
        return order;
    }

    private static CustomerRef customerOf(CustomerRef requested) {
        String email = Ids.normalizeEmail(requested.email());
        return new CustomerRef(Ids.customerId(email), email, requested.name());
    }

    static CustomerRef customerOf(Order order) {
        return new CustomerRef(order.customerId, order.customerEmail, order.customerName);
    }

    static Money totalOf(Order order) {
        return new Money(order.totalMinor, order.currency);
    }

    static List<StockLine> demandOf(Order order) {
        return StockDemand.of(order.lines.stream()
                .map(l -> new OrderLine(l.sku, l.productName, l.quantity, null))
                .toList());
    }

    static Order requireOrder(UUID orderId) {
        Order order = Order.findById(orderId);
        if (order == null) {
            throw new PoisonEventException("no order " + orderId);
        }
        return order;
    }
}
