#!/bin/sh
# Runs once, when the mysql container initialises an empty data volume (docker-entrypoint-initdb.d).
# One database and one account per service, with every right on its own schema and none on any other, as
# dev.oms.infra.ServiceDatabaseUsers creates them for ./oms up. The passwords come from the mysql container's
# environment: docker-compose.yml (DEVELOPMENT defaults) or the Kubernetes dev overlay's Secrets. The image's
# entrypoint runs it when executable (the Compose bind mount) and sources it when not (a ConfigMap); both work.
set -e

account() { # user schema password
  case "$3" in
    *"'"* | *\\*) echo "the password of $1 may not contain quotes or backslashes" >&2; exit 1 ;;
  esac
  # '_' is a wildcard in a grant's database name: escaped, the grant covers this one schema only.
  escaped=$(printf '%s' "$2" | sed 's/_/\\_/g')
  MYSQL_PWD="$MYSQL_ROOT_PASSWORD" mysql --user=root <<SQL
CREATE DATABASE IF NOT EXISTS \`$2\`;
CREATE USER IF NOT EXISTS '$1'@'%' IDENTIFIED BY '$3';
GRANT ALL PRIVILEGES ON \`$escaped\`.* TO '$1'@'%';
SQL
}

account oms_import oms_imports "${OMS_IMPORT_DB_PASSWORD:?}"
account oms_order oms_orders "${OMS_ORDER_DB_PASSWORD:?}"
account oms_payment oms_payments "${OMS_PAYMENT_DB_PASSWORD:?}"
account oms_refund oms_refunds "${OMS_REFUND_DB_PASSWORD:?}"
account oms_notification oms_notifications "${OMS_NOTIFICATION_DB_PASSWORD:?}"
