"""Starts the shop the way it ran on the laptop."""
from app import app

app.run(port=8000)
