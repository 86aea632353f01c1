import logging

from flask_restplus import Api
from skf import settings
from sqlalchemy.orm.exc import NoResultFound
from sqlalchemy.exc import IntegrityError

log = logging.getLogger(__name__)

api = Api(version='1.0', title='OWASP-SKF API',
          description='OWASP-SKF Flask RestPlus powered API')


@api.errorhandler
def default_error_handler(e):
    message = 'An unhandled exception occurred.'
    log.exception(message)
    if not settings.FLASK_DEBUG:
        return {'message': message}, 500


@api.errorhandler(NoResultFound)
def database_not_found_error_handler(e):
    #log.warning(traceback.format_exc())
    return {'message': 'A database result was required but none was found.'}, 400 


@api.errorhandler(IntegrityError)
def database_integrity_error_handler(e):
    #log.warning(traceback.format_exc())
    return {'message': 'A database result was required but none was found.'}, 400 

