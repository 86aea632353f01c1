SETTINGS = {
    "SECRET_KEY": "c0ffee-5ecret-4b1d-9e7f-2a8c6d0e1f33",
    "JSON_SORT_KEYS": False,
}
