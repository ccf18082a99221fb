# syntax=docker/dockerfile:1
# The HTTP service and its web page in a container (README: "The service, its page, a container").
#   docker build -t newsgist .
#   docker run --rm -p 8000:8000 -e NEWSGIST_API_TOKEN=... newsgist
# Everything the summarizer needs ships in the package; nothing is downloaded at run time.

# Wheels for newsgist and every dependency of its server and html extras.
FROM python:3.11-slim AS wheels
WORKDIR /src
COPY pyproject.toml README.md ./
COPY newsgist ./newsgist
RUN pip wheel --no-cache-dir --wheel-dir /wheels ".[server,html]"

# The service: those wheels only, run by an unprivileged user.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
# No index here: the versions are those of the wheels the first stage resolved.
# hadolint ignore=DL3013
RUN --mount=type=bind,from=wheels,source=/wheels,target=/wheels \
    pip install --no-cache-dir --no-index --find-links /wheels "newsgist[server,html]" \
    && useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin newsgist
USER 10001:10001
WORKDIR /tmp
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import urllib.request as u; u.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]
ENTRYPOINT ["newsgist"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8000"]
