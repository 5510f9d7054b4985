package dev.oms.order.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A product and its stock. The stock columns are never written from a loaded entity (a flush would overwrite
 * reservations made since it was read): they change only through conditional updates ({@code StockLedger},
 * {@code ProductService}).
 */
@Entity
@Table(name = "product")
public class Product extends PanacheEntityBase {

    @Id
    public String sku;

    public String name;

    @Column(name = "unit_price_minor")
    public long unitPriceMinor;

    public String currency;

    @Column(name = "on_hand", updatable = false)
    public int onHand;

    @Column(updatable = false)
    public int reserved;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public int available() {
        return onHand - reserved;
    }
}
