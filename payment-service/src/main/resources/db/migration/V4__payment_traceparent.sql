-- The trace of the order the payment is for (W3C traceparent of the span that requested it). The gateway answers
-- later over HTTP, outside that trace; the events the answer causes continue it from here.
ALTER TABLE payment ADD COLUMN traceparent VARCHAR(64) NULL AFTER lane;
