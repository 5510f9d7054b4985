package dev.oms.cli.command;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.oms.cli.Service;
import dev.oms.cli.api.Order;
import dev.oms.cli.api.OrderStatuses;
import dev.oms.cli.api.Page;
import dev.oms.cli.format.Cells;
import dev.oms.cli.format.Table;
import dev.oms.cli.format.Table.Column;
import dev.oms.cli.http.Query;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.util.Locale;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List orders, newest first.")
public class OrdersListCommand extends ServiceCommand {

    @Option(names = "--status", paramLabel = "STATUS",
            description = "only orders in this status: RECEIVED, STOCK_RESERVED, PAYMENT_PENDING, PAID, SHIPPED, "
                    + "DELIVERED, REJECTED, FAILED or CANCELLED (any case)")
    private String status;

    @Option(names = "--customer", paramLabel = "EMAIL", description = "only orders of this customer")
    private String customer;

    @Option(names = "--page", paramLabel = "N", defaultValue = "0", description = "page number, from 0 (default: ${DEFAULT-VALUE})")
    private int page;

    @Option(names = "--size", paramLabel = "N", defaultValue = "50", description = "orders per page (default: ${DEFAULT-VALUE})")
    private int size;

    /** Checked here: order-service answers an unknown status with a bare 404, which would tell the user nothing. */
    private String status() {
        if (status == null || status.isBlank()) {
            return null;
        }
        String normalized = status.trim().toUpperCase(Locale.ROOT);
        if (!OrderStatuses.DISPLAY_ORDER.contains(normalized)) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--status': '" + status
                    + "' is not one of " + String.join(", ", OrderStatuses.DISPLAY_ORDER));
        }
        return normalized;
    }

    @Override
    public Integer call() {
        String path = Query.create()
                .add("status", status())
                .add("customer", customer == null ? null : customer.trim())
                .add("page", page)
                .add("size", size)
                .appendTo("/orders");
        Page<Order> orders = client(Service.ORDER).get(path, new TypeReference<Page<Order>>() { });
        Table table = Table.of(Column.left("ORDER ID"), Column.left("EXTERNAL ID"), Column.left("STATUS"),
                Column.left("REFUND"), Column.left("CUSTOMER"), Column.right("TOTAL"), Column.left("CREATED"));
        for (Order order : orders.items()) {
            table.row(order.orderId(), Cells.text(order.externalOrderId()), Cells.text(order.status()),
                    Cells.text(order.refundStatus()), order.customer() == null ? "-" : Cells.text(order.customer().email()),
                    Cells.money(order.total()), Cells.instant(order.createdAt()));
        }
        out().print(table.render());
        out().println(Paging.footer(orders, "orders"));
        return 0;
    }
}
