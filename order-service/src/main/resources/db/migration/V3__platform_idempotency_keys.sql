-- POST /orders keys now live in the platform's idempotency_key table (scope "orders"), which also tells a request
-- still in flight (409) from one that completed.
DROP TABLE order_request_key;
