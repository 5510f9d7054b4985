package dev.oms.cli.demo;

public record DemoCustomer(String email, String name) {
}
