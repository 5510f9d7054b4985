package dev.oms.order.rest;

import dev.oms.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import dev.oms.platform.rest.Page;
import dev.oms.order.service.ProductService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.net.URI;

@Path("/products")
public class ProductResource {

    private final ProductService products;

    public ProductResource(ProductService products) {
        this.products = products;
    }

    /** Creates or updates products by SKU; on-hand stock is set to the given quantity. */
    @POST
    @Path("/bulk")
    @RolesAllowed(Roles.ADMIN)
    public ProductService.UpsertResult upsert(@Valid @NotNull ProductBatch batch) {
        return products.upsert(batch.products());
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    public Response create(@Valid @NotNull ProductInput input) {
        ProductView created = ProductView.of(products.create(input));
        return Response.created(URI.create("/products/" + created.sku())).entity(created).build();
    }

    @PUT
    @Path("/{sku}")
    @RolesAllowed(Roles.ADMIN)
    public ProductView update(@PathParam("sku") String sku, @Valid @NotNull ProductUpdate update) {
        return ProductView.of(products.update(sku, update.name(), update.unitPriceMinor()));
    }

    @POST
    @Path("/{sku}/stock-adjustments")
    @RolesAllowed(Roles.ADMIN)
    public ProductView adjustStock(@PathParam("sku") String sku, @Valid @NotNull StockAdjustment adjustment) {
        return ProductView.of(products.adjustStock(sku, adjustment.delta(), adjustment.reason()));
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.SUPPORT, Roles.ANALYST, Roles.CUSTOMER})
    public Page<ProductView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                  @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        var slice = products.list(page, size);
        return new Page<>(slice.items().stream().map(ProductView::of).toList(), page, size, slice.total());
    }

    @GET
    @Path("/{sku}")
    @RolesAllowed({Roles.ADMIN, Roles.SUPPORT, Roles.ANALYST, Roles.CUSTOMER})
    public ProductView get(@PathParam("sku") String sku) {
        return ProductView.of(products.get(sku));
    }
}
