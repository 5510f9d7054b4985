package dev.oms.cli.command;

import dev.oms.cli.Service;
import dev.oms.cli.api.Order;
import dev.oms.cli.format.Cells;
import dev.oms.cli.format.MoneyFormat;
import dev.oms.cli.format.Table;
import dev.oms.cli.format.Table.Column;
import dev.oms.events.Ids;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show one order with its lines and status history.")
public class OrdersShowCommand extends ServiceCommand {

    @Parameters(paramLabel = "ID",
            description = "the order id (UUID), or the shop's order id (e.g. the CSV's order_id), from which the "
                    + "order id is derived")
    private String id;

    @Override
    public Integer call() {
        String orderId = orderId(id.trim());
        Order order = client(Service.ORDER).get("/orders/" + URLEncoder.encode(orderId, StandardCharsets.UTF_8),
                Order.class);
        print(order, out());
        return 0;
    }

    /** A UUID as given; anything else is an external order id, whose order id is derived the way the services do. */
    static String orderId(String id) {
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException notUuid) {
            return Ids.orderId(id).toString();
        }
    }

    private static String reason(Order order) {
        if (order.reasonDetail() == null || order.reasonDetail().isBlank()) {
            return Cells.text(order.reason());
        }
        return Cells.text(order.reason()) + ": " + order.reasonDetail();
    }

    private static void print(Order order, PrintWriter out) {
        out.println("Order " + order.orderId());
        Order.Customer customer = order.customer();
        String customerText = customer == null ? "-" : Cells.text(customer.name()) + " <" + Cells.text(customer.email()) + ">";
        out.print(Table.of(Column.left(""), Column.left(""))
                .row("external id", Cells.text(order.externalOrderId()))
                .row("status", Cells.text(order.status()))
                .row("refund status", Cells.text(order.refundStatus()))
                .row("reason", reason(order))
                .row("customer", customerText)
                .row("lane", Cells.text(order.lane()))
                .row("total", Cells.money(order.total()))
                .row("created", Cells.instant(order.createdAt()))
                .row("updated", Cells.instant(order.updatedAt()))
                .row("paid", Cells.instant(order.paidAt()))
                .renderWithoutHeader().indent(2));
        out.println();
        out.println("Lines");
        Table lines = Table.of(Column.left("SKU"), Column.left("PRODUCT"), Column.right("QTY"),
                Column.right("UNIT PRICE"), Column.right("AMOUNT"));
        for (Order.Line line : order.lines()) {
            String amount = line.unitPrice() == null ? "-"
                    : MoneyFormat.format(Math.multiplyExact(line.unitPrice().amountMinor(), line.quantity()),
                    line.unitPrice().currency());
            lines.row(line.sku(), Cells.text(line.productName()), Cells.count(line.quantity()),
                    Cells.money(line.unitPrice()), amount);
        }
        out.print(lines.render().indent(2));
        out.println();
        out.println("History");
        Table history = Table.of(Column.left("AT"), Column.left("FROM"), Column.left("TO"), Column.left("REASON"));
        for (Order.Transition transition : order.history()) {
            history.row(Cells.instant(transition.at()), Cells.text(transition.from()), Cells.text(transition.to()),
                    Cells.text(transition.reason()));
        }
        out.print(history.render().indent(2));
    }
}
