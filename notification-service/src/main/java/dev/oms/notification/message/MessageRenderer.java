package dev.oms.notification.message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oms.notification.domain.Channel;
import dev.oms.notification.domain.MoneyText;
import dev.oms.notification.domain.NotificationType;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Renders a notification for a channel from its Qute template, {@code templates/<channel>/<type>.txt}. Email
 * templates hold a {@code subject} and a {@code body} fragment, push templates a {@code title} and a {@code body};
 * log and webhook templates are one text. Webhook and push payloads are JSON written by Jackson (never by a
 * template), so names and reasons are always escaped correctly.
 */
@ApplicationScoped
public class MessageRenderer {

    private final Engine engine;
    private final ObjectMapper json;

    public MessageRenderer(Engine engine, ObjectMapper json) {
        this.engine = engine;
        this.json = json;
    }

    public RenderedMessage render(Channel channel, NotificationContent content) {
        Template template = template(channel, content.type());
        MessageModel model = model(content);
        return switch (channel) {
            case LOG -> new RenderedMessage(null, text(template, model));
            case EMAIL -> new RenderedMessage(fragment(template, "subject", model).strip(),
                    fragment(template, "body", model));
            case WEBHOOK -> new RenderedMessage(null, toJson(new WebhookBody(content.eventId(), content.type().name(),
                    content.orderId(), content.customerId(), content.orderStatus().name(), content.total(),
                    content.refundAmount(), content.reason(), content.occurredAt(), text(template, model))));
            case PUSH -> new RenderedMessage(null, toJson(new PushBody(content.eventId(), content.customerId(),
                    fragment(template, "title", model).strip(), fragment(template, "body", model).strip())));
        };
    }

    /** The template of a type on a channel; throws when it is missing, so a gap fails at once and loudly. */
    public Template template(Channel channel, NotificationType type) {
        String id = channel.key() + "/" + type.key();
        Template template = engine.getTemplate(id);
        if (template == null) {
            throw new IllegalStateException("no template " + id + " (src/main/resources/templates/" + id + ".txt)");
        }
        return template;
    }

    private static MessageModel model(NotificationContent c) {
        return new MessageModel(c.eventId(), c.type().name(), c.orderId(), c.customerId(), c.customerName(),
                c.orderStatus().name(), MoneyText.format(c.total()), MoneyText.format(c.refundAmount()), c.reason());
    }

    private static String text(Template template, MessageModel model) {
        return template.data("m", model).render().strip();
    }

    private static String fragment(Template template, String id, MessageModel model) {
        Template.Fragment fragment = template.getFragment(id);
        if (fragment == null) {
            throw new IllegalStateException("template " + template.getId() + " has no fragment '" + id + "'");
        }
        return fragment.data("m", model).render();
    }

    private String toJson(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a notification body as JSON", e);
        }
    }
}
