from authlib.integrations.flask_client import OAuth\

authlib_oauth_client = OAuth()
