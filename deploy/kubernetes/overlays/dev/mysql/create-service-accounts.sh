# Sourced by the mysql image's entrypoint on the first start (empty data directory): one database and one account
# per service, with every right on its own database and none on another's, as ServiceDatabaseUsers does for ./oms up.
# '_' is a wildcard in a grant's database name, hence the escaped names. The passwords come from the services' Secrets.
docker_process_sql <<SQL
CREATE DATABASE IF NOT EXISTS oms_imports;
CREATE USER IF NOT EXISTS 'oms_import'@'%' IDENTIFIED BY '${OMS_IMPORT_DB_PASSWORD}';
GRANT ALL PRIVILEGES ON \`oms\\_imports\`.* TO 'oms_import'@'%';
CREATE DATABASE IF NOT EXISTS oms_orders;
CREATE USER IF NOT EXISTS 'oms_order'@'%' IDENTIFIED BY '${OMS_ORDER_DB_PASSWORD}';
GRANT ALL PRIVILEGES ON \`oms\\_orders\`.* TO 'oms_order'@'%';
CREATE DATABASE IF NOT EXISTS oms_payments;
CREATE USER IF NOT EXISTS 'oms_payment'@'%' IDENTIFIED BY '${OMS_PAYMENT_DB_PASSWORD}';
GRANT ALL PRIVILEGES ON \`oms\\_payments\`.* TO 'oms_payment'@'%';
CREATE DATABASE IF NOT EXISTS oms_refunds;
CREATE USER IF NOT EXISTS 'oms_refund'@'%' IDENTIFIED BY '${OMS_REFUND_DB_PASSWORD}';
GRANT ALL PRIVILEGES ON \`oms\\_refunds\`.* TO 'oms_refund'@'%';
CREATE DATABASE IF NOT EXISTS oms_notifications;
CREATE USER IF NOT EXISTS 'oms_notification'@'%' IDENTIFIED BY '${OMS_NOTIFICATION_DB_PASSWORD}';
GRANT ALL PRIVILEGES ON \`oms\\_notifications\`.* TO 'oms_notification'@'%';
SQL
