package dev.oms.order.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A stored order line; sku and price are null only for lines of a rejected order that could not be resolved. */
@Embeddable
public class OrderLineItem {

    public String sku;

    @Column(name = "product_name")
    public String productName;

    public int quantity;

    @Column(name = "unit_price_minor")
    public Long unitPriceMinor;
}
