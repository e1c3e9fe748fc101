"""The steps of scripts/vpsorg-clients: the agent (vps-mcp), the developer (the vps CLI), the sandbox."""
