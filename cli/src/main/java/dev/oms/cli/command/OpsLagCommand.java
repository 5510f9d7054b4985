package dev.oms.cli.command;

import dev.oms.cli.Service;
import dev.oms.cli.api.QueueDepths;
import dev.oms.cli.format.Cells;
import dev.oms.cli.format.Table;
import dev.oms.cli.format.Table.Column;
import picocli.CommandLine.Command;

@Command(name = "lag", mixinStandardHelpOptions = true,
        description = {"Show how many records each consumer group has not consumed yet, per topic, and how many "
                + "wait in each dead-letter queue (as analytics-service reads them from Kafka)."})
public class OpsLagCommand extends ServiceCommand {

    @Override
    public Integer call() {
        QueueDepths queues = client(Service.ANALYTICS).get("/ops/queues", QueueDepths.class);
        Table lags = Table.of(Column.left("GROUP"), Column.left("TOPIC"), Column.right("LAG"));
        queues.consumerGroups().forEach(lag -> lags.row(lag.group(), lag.topic(), Cells.count(lag.lag())));
        Table deadLetters = Table.of(Column.left("DEAD-LETTER QUEUE"), Column.right("RECORDS"));
        queues.deadLetters().forEach(queue -> deadLetters.row(queue.topic(), Cells.count(queue.records())));
        out().print("Consumer lag\n" + (queues.consumerGroups().isEmpty() ? "  no consumer groups yet\n"
                : lags.render().indent(2)));
        out().print("Dead letters\n" + (queues.deadLetters().isEmpty() ? "  no dead-letter queues yet\n"
                : deadLetters.render().indent(2)));
        return 0;
    }
}
