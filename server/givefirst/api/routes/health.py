from givefirst import API_VERSION, __version__
from givefirst.api import api


@api.get("/v1/health")
def health():
    """Is the service running? Needs no token."""
    return {"name": "givefirst", "version": __version__, "api": API_VERSION}
