# One image per service from its Spring Boot jar (built by ./mvnw package before docker compose build).
FROM eclipse-temurin:17-jre
ARG SERVICE
RUN useradd --system --uid 10001 platform
COPY ${SERVICE}/target/${SERVICE}-exec.jar /app/service.jar
USER platform
ENV PORT=8080 JAVA_OPTS="-XX:MaxRAMPercentage=75"
EXPOSE 8080
# Every <NAME>_FILE (a Docker secret: DB_PASSWORD_FILE, DB_MIGRATION_PASSWORD_FILE, KAFKA_PASSWORD_FILE, SMS_RECEIPT_SECRET_FILE)
# becomes <NAME>, which the service's configuration reads; a service missing one of its secrets does not start.
# Arguments after the image name reach the service (audit-service's verify and replay commands).
ENTRYPOINT ["/bin/sh", "-c", "for f in $(env | sed -n 's/^\\([A-Z_]*\\)_FILE=.*/\\1/p'); do export \"$f=$(cat \"$(printenv \"${f}_FILE\")\")\"; done; exec java $JAVA_OPTS -jar /app/service.jar \"$@\"", "--"]
