# One image per service from its Spring Boot jar (built by ./mvnw package before docker compose build).
FROM eclipse-temurin:17-jre
ARG SERVICE
RUN useradd --system --uid 10001 platform
COPY ${SERVICE}/target/${SERVICE}-exec.jar /app/service.jar
USER platform
ENV PORT=8080 JAVA_OPTS="-XX:MaxRAMPercentage=75"
EXPOSE 8080
# DB_PASSWORD_FILE, DB_MIGRATION_PASSWORD_FILE and KAFKA_PASSWORD_FILE (Docker secrets) become DB_PASSWORD,
# DB_MIGRATION_PASSWORD and KAFKA_PASSWORD, which platform-defaults.yml reads (the service's own database user, the user its
# migrations run as, and its Kafka principal, KAFKA_USER).
# Arguments after the image name reach the service (audit-service's verify and replay commands).
ENTRYPOINT ["/bin/sh", "-c", "[ -n \"$DB_PASSWORD_FILE\" ] && export DB_PASSWORD=\"$(cat \"$DB_PASSWORD_FILE\")\"; [ -n \"$DB_MIGRATION_PASSWORD_FILE\" ] && export DB_MIGRATION_PASSWORD=\"$(cat \"$DB_MIGRATION_PASSWORD_FILE\")\"; [ -n \"$KAFKA_PASSWORD_FILE\" ] && export KAFKA_PASSWORD=\"$(cat \"$KAFKA_PASSWORD_FILE\")\"; exec java $JAVA_OPTS -jar /app/service.jar \"$@\"", "--"]
