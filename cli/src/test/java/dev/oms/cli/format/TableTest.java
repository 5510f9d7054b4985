package dev.oms.cli.format;

import dev.oms.cli.format.Table.Column;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TableTest {

    @Test
    void alignsTextLeftAndNumbersRightWithoutTrailingSpaces() {
        String text = Table.of(Column.left("SKU"), Column.left("NAME"), Column.right("PRICE"))
                .row("KB-1", "Keyboard", "$129.00")
                .row("CB-22", "Cable", "$9.99")
                .render();
        assertEquals("""
                SKU    NAME        PRICE
                KB-1   Keyboard  $129.00
                CB-22  Cable       $9.99
                """, text);
    }

    @Test
    void leavesTheHeaderOutOfLabelValueBlocksAndShowsMissingCellsAsDash() {
        String text = Table.of(Column.left(""), Column.right(""))
                .row("orders", "1,234")
                .row("reason", null)
                .renderWithoutHeader();
        assertEquals("""
                orders  1,234
                reason      -
                """, text);
    }

    @Test
    void refusesARowOfTheWrongWidth() {
        Table table = Table.of(Column.left("A"), Column.left("B"));
        assertThrows(IllegalArgumentException.class, () -> table.row("only one"));
    }
}
