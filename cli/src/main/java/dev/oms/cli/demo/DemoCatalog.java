package dev.oms.cli.demo;

import dev.oms.cli.api.ProductInput;

import java.util.List;
import java.util.Locale;

/** The demo's fixed catalog and customers: the same SKUs on every run, so repeated demos update rather than grow it. */
public final class DemoCatalog {

    public static final String CURRENCY = "USD";
    /** An order has at most this many lines of at most this quantity, which bounds the stock one order takes. */
    public static final int MAX_LINES_PER_ORDER = 3;
    public static final int MAX_QUANTITY = 3;

    public static final List<DemoProduct> PRODUCTS = List.of(
            new DemoProduct("DEMO-KB-101", "Mechanical keyboard", 12_900),
            new DemoProduct("DEMO-MS-102", "Wireless mouse", 3_499),
            new DemoProduct("DEMO-MN-103", "27-inch monitor", 32_999),
            new DemoProduct("DEMO-HS-104", "Noise-cancelling headset", 19_950),
            new DemoProduct("DEMO-WC-105", "HD webcam", 6_900),
            new DemoProduct("DEMO-DK-106", "USB-C dock", 15_900),
            new DemoProduct("DEMO-CB-107", "USB-C cable, 2 m", 1_299),
            new DemoProduct("DEMO-LS-108", "Laptop stand", 4_500),
            new DemoProduct("DEMO-DM-109", "Desk mat", 2_450),
            new DemoProduct("DEMO-LM-110", "LED desk lamp", 3_999),
            new DemoProduct("DEMO-CH-111", "Ergonomic chair", 54_900),
            new DemoProduct("DEMO-SD-112", "1 TB SSD", 8_999),
            new DemoProduct("DEMO-RT-113", "Wi-Fi router", 11_900),
            new DemoProduct("DEMO-SP-114", "Bluetooth speaker", 7_450),
            new DemoProduct("DEMO-PB-115", "Power bank", 4_999),
            new DemoProduct("DEMO-NB-116", "Paper notebook", 899),
            new DemoProduct("DEMO-PN-117", "Gel pens, 10 pack", 650),
            new DemoProduct("DEMO-MG-118", "Coffee mug", 1_200),
            new DemoProduct("DEMO-BP-119", "Laptop backpack", 8_900),
            new DemoProduct("DEMO-TB-120", "Drawing tablet", 24_900));

    private static final List<String> FIRST_NAMES = List.of(
            "Ada", "Alan", "Grace", "Linus", "Margaret", "Dennis", "Barbara", "Ken", "Frances", "Edsger");
    private static final List<String> LAST_NAMES = List.of("Lovelace", "Turing", "Hopper", "Torvalds", "Hamilton");

    /** 50 customers: every first name with every last name. */
    public static final List<DemoCustomer> CUSTOMERS = FIRST_NAMES.stream()
            .flatMap(first -> LAST_NAMES.stream().map(last -> new DemoCustomer(
                    (first + "." + last).toLowerCase(Locale.ROOT) + "@demo.example.com", first + " " + last)))
            .toList();

    private DemoCatalog() {
    }

    /** The catalog with stock for {@code orders} orders even if every order took the most of one product. */
    public static List<ProductInput> productsStockedFor(int orders) {
        long onHand = (long) orders * MAX_QUANTITY + 1_000;
        return PRODUCTS.stream()
                .map(product -> new ProductInput(product.sku(), product.name(), product.unitPriceMinor(), CURRENCY, onHand))
                .toList();
    }
}
